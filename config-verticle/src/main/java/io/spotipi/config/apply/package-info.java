/**
 * Applying a commit: the rules and validation that turn one revision into the next (pure, no
 * Vert.x), the single-writer pipeline that orders commits, batches them for durability and answers
 * them in revision order, and what is published after each one (history, change event). It knows
 * nothing of files or the cluster: it hands each batch to a {@link io.spotipi.config.apply.Durability}.
 */
package io.spotipi.config.apply;
