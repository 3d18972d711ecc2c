/**
 * This node's data dir: the file store (atomic, durable writes; blocking, so only on the owner's
 * worker), the stored file's format, startup loading and recovery from a corrupt file, and the
 * backup policy (startup, hourly, before a restore, rotation).
 */
package io.spotipi.config.storage;
