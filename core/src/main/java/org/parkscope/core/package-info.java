/**
 * Parkscope's pure-Java core: domain values, code validators and the engines that the app and the batch tools share.
 * Nothing here imports a framework (checked by {@code ArchitectureTest}).
 */
package org.parkscope.core;
