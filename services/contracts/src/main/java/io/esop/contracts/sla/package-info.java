/** SLA policies ({@code esop.sla-policies.v1}) and alerts ({@code esop.sla-alerts.v1}). */
package io.esop.contracts.sla;
