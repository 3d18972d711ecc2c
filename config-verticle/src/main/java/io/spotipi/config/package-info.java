/**
 * The config owner: {@link io.spotipi.config.ConfigVerticle}, the single owner of the store, answers
 * the {@code spotipi.config.*} addresses and wires the layers below it: {@code apply} (how a commit
 * becomes the next revision), {@code storage} (the data dir on this node) and {@code cluster} (one
 * owner at a time, the replicated head). Nothing else in SpotiPi touches the data dir.
 */
package io.spotipi.config;
