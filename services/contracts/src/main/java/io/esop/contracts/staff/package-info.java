/** The staff directory, as published by the customer service on {@code esop.staff.v1}. */
package io.esop.contracts.staff;
