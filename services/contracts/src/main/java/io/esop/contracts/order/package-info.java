/**
 * Orders and approvals, published by the order service on {@code esop.orders.v1}, and the raw progress
 * reports fulfilment systems publish on {@code esop.order-progress.v1}.
 */
package io.esop.contracts.order;
