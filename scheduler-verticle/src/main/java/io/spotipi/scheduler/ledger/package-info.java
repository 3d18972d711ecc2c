/**
 * The schedulers' shared bookkeeping: which occurrence they plan, which one was claimed last and by
 * whom. {@link io.spotipi.scheduler.ledger.Ledger} is the only way the planner's and the claimer's
 * callers read or record it, so where it is stored can change behind that one interface.
 */
package io.spotipi.scheduler.ledger;
