package org.parkscope.core.chain;

/** The level at which a node's firms are worth chasing (gap reports at a town ignore national nodes). */
public enum NodeScope { LOCAL, DISTRICT, CITY, NATIONAL }
