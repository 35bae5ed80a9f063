/**
 * Values that change over training time, and the listener that moves them forward.
 *
 * <p>A {@link dev.deteval.runtime.schedule.Schedule} maps a training position (epoch, global step) to a
 * number. A {@link dev.deteval.runtime.schedule.Scheduled} component (a loss parameter, an activation
 * slope) holds the current value, and a {@link dev.deteval.runtime.schedule.ScheduleListener} registered
 * with a DJL {@code Trainer} advances it at the start of training, after every training batch and at
 * every epoch boundary.
 */
package dev.deteval.runtime.schedule;
