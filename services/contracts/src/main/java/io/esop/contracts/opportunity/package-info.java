/** Opportunity lifecycle events, published by the opportunity service on {@code esop.opportunities.v1}. */
package io.esop.contracts.opportunity;
