package io.esop.contracts;

/** Customer value tier (客户价值): decides SLA targets and who may own the customer. */
public enum ValueTier {
    /** 战略客户 */
    STRATEGIC,
    /** 重要客户 */
    KEY,
    /** 标准客户 */
    STANDARD,
    /** 中小微客户 */
    SME
}
