/** Statistical classifications of the NBS (above-scale flags, enterprise size classes) used to form cohorts. */
package org.parkscope.core.stats;
