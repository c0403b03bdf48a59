/**
 * 亩均效益综合评价: schemes as data ({@link org.parkscope.core.evaluation.Scheme}) and a columnar, deterministic engine
 * ({@link org.parkscope.core.evaluation.Engine}) that scores every enterprise and explains every score.
 */
package org.parkscope.core.evaluation;
