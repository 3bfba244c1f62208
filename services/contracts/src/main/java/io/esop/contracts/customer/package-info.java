/** Enterprise customers, as published by the customer service on {@code esop.customers.v1}. */
package io.esop.contracts.customer;
