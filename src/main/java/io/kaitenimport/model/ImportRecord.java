package io.kaitenimport.model;

/** One record of a package entity file. Ids are the source's external ids, always written as strings. */
public sealed interface ImportRecord
        permits User, Space, Folder, Board, Column, Card, Comment, CustomField, FileAttachment, CardTimer,
        Document, DocumentFile, MappingEntry, RawRecord {

    String id();

    Entity entity();
}
