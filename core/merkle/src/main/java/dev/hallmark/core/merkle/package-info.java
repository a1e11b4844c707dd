package dev.hallmark.core.merkle;
