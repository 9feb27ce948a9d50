/**
 * Persistent deadlines and scheduled tasks on PostgreSQL through db-scheduler: the saga's payment deadline, the
 * subscription expiry and the dead-letter retry all live in the one {@code scheduled_tasks} table and survive a
 * restart.
 */
package io.trendline.saga.deadline;
