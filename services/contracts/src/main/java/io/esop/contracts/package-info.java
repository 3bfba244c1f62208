/**
 * The contracts shared by every ESOP service: event payload records, the enums of the business
 * vocabulary, topic names ({@link io.esop.contracts.Topics}), event types
 * ({@link io.esop.contracts.EventTypes}), CloudEvents header names and the JSON mapping
 * ({@link io.esop.contracts.EsopJson}).
 *
 * <p>Every record component is required unless annotated {@link io.esop.contracts.Optional}. The JSON
 * Schemas generated from these records are committed in {@code services/contracts/schemas/}, and the
 * build fails when a change would break them.
 */
package io.esop.contracts;
