package dev.hallmark.core.crypto;
