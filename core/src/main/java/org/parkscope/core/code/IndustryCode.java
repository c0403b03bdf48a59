package org.parkscope.core.code;

/**
 * One entry of GB/T 4754-2017 (国民经济行业分类), at any of its four levels.
 *
 * @param code       section letter A–T, or 2, 3 or 4 digits
 * @param level      1 section (门类), 2 division (大类), 3 group (中类), 4 class (小类)
 * @param name       official Chinese name
 * @param section    section letter the entry belongs to (equal to {@code code} for a section)
 * @param parentCode code of the parent entry, {@code null} for a section
 */
public record IndustryCode(String code, int level, String name, String section, String parentCode) {
}
