package dev.hallmark.core.note;
