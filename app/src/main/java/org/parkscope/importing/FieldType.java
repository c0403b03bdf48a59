package org.parkscope.importing;

/** How a column's cells are read and checked before they reach the staging table. */
public enum FieldType {
    TEXT, USCC, INDUSTRY, DATE, DECIMAL, MONEY, AREA, INTEGER, BOOLEAN, PERIOD, METRIC, UNIT, GEOMETRY,
    ROLE, SIZE_CLASS, STATUS, PARK_KIND, QUALIFICATION_TYPE, DEPARTMENT, TAGS
}
