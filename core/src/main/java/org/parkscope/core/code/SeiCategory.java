package org.parkscope.core.code;

/**
 * One line of 战略性新兴产业分类(2018).
 *
 * @param code          dotted code such as {@code 1}, {@code 1.1} or {@code 1.1.1}
 * @param level         1, 2 or 3 (number of dotted parts)
 * @param name          official Chinese name
 * @param codeConfirmed whether the code-to-name assignment was confirmed against the official text; unconfirmed
 *                      lines must not be shown as authoritative
 */
public record SeiCategory(String code, int level, String name, boolean codeConfirmed) {
}
