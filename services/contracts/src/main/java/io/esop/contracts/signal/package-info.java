/** Signals, the raw input of automatic opportunity collection, on {@code esop.signals.v1}. */
package io.esop.contracts.signal;
