/**
 * The config owner in a cluster: one owner at a time (a cluster-wide lock and an epoch as fencing
 * token), the replicated head every acknowledged batch must reach, and the standbys' mirror of it.
 */
package io.spotipi.config.cluster;
