package io.esop.workbench.common.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.Map;

/**
 * People read "制造业" or "Manufacturing", not MANUFACTURING: labels of the contracts' enum values (industry,
 * value tier, customer status, product line, stages, statuses, milestones) in the page's language; an unknown value is shown as it is, so a
 * value added later still displays. In templates: {label:of(c.industry)}.
 */
@TemplateExtension(namespace = "label")
public final class Labels {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("FINANCE", "金融"), Map.entry("MANUFACTURING", "制造业"), Map.entry("RETAIL", "零售"),
            Map.entry("INTERNET", "互联网"), Map.entry("GOVERNMENT", "政府"), Map.entry("EDUCATION", "教育"),
            Map.entry("HEALTHCARE", "医疗卫生"), Map.entry("TRANSPORT", "交通运输"), Map.entry("ENERGY", "能源"),
            Map.entry("LOGISTICS", "物流"), Map.entry("MEDIA", "传媒"), Map.entry("REAL_ESTATE", "房地产"),
            Map.entry("OTHER", "其他"),
            Map.entry("STRATEGIC", "战略"), Map.entry("KEY", "重要"), Map.entry("STANDARD", "标准"),
            Map.entry("SME", "中小微"),
            Map.entry("PROSPECT", "潜在"), Map.entry("ACTIVE", "在网"), Map.entry("SUSPENDED", "暂停"),
            Map.entry("CLOSED", "已销户"),
            Map.entry("DEDICATED_LINE", "专线"), Map.entry("IDC", "IDC 机房"), Map.entry("CLOUD", "云服务"),
            Map.entry("IOT", "物联网"), Map.entry("VOICE", "语音"), Map.entry("SMS", "短信"),
            Map.entry("SDWAN", "SD-WAN"),
            Map.entry("NEW", "新建"), Map.entry("ASSIGNED", "已分配"), Map.entry("BIDDING", "竞标中"),
            Map.entry("DIRECTOR_QUEUE", "待总监分配"), Map.entry("CONTACTED", "已联系"), Map.entry("QUALIFIED", "已确认需求"),
            Map.entry("PROPOSAL", "方案"), Map.entry("NEGOTIATION", "商务谈判"), Map.entry("WON", "赢单"),
            Map.entry("LOST", "丢单"),
            Map.entry("EXPAND", "扩容"), Map.entry("RENEW", "续约"), Map.entry("RETAIN", "挽留"),
            Map.entry("PORTAL_INQUIRY", "网厅咨询"), Map.entry("BASS_USAGE_SURGE", "用量激增"),
            Map.entry("BASS_CHURN_RISK", "离网风险"), Map.entry("CONTRACT_EXPIRY", "合同到期"),
            Map.entry("CAMPAIGN_RESPONSE", "营销响应"), Map.entry("FIELD_VISIT", "现场拜访"),
            Map.entry("PARTNER_REFERRAL", "伙伴推荐"),
            Map.entry("DRAFT", "草稿"), Map.entry("PENDING_APPROVAL", "审批中"), Map.entry("REJECTED", "已驳回"),
            Map.entry("APPROVED", "已批准"), Map.entry("ORDERED", "已下单"), Map.entry("PENDING", "待审批"),
            Map.entry("CANCELLED", "已取消"), Map.entry("ISSUED", "待签署"), Map.entry("SIGNED", "已签署"),
            Map.entry("PRICE_NEGOTIATION", "议价审批"), Map.entry("RESOURCE_PRE_RESERVATION", "资源预占审批"),
            Map.entry("WAITING", "排队中"),
            Map.entry("valueTier", "客户价值"), Map.entry("source", "来源"), Map.entry("strength", "线索强度"),
            Map.entry("intent", "意向"), Map.entry("value", "金额"), Map.entry("recency", "时效"),
            Map.entry("INVITED", "已邀请"), Map.entry("ACCEPTED", "已接受"), Map.entry("DECLINED", "已拒绝"),
            Map.entry("acknowledged", "已受理"), Map.entry("inProgress", "开通中"), Map.entry("held", "暂停"),
            Map.entry("pending", "待处理"), Map.entry("completed", "已完成"), Map.entry("failed", "失败"),
            Map.entry("partial", "部分完成"), Map.entry("rejected", "已拒绝"), Map.entry("cancelled", "已取消"),
            Map.entry("assessingCancellation", "撤单评估中"),
            Map.entry("RESOURCE_CHECK", "资源核查"), Map.entry("SITE_SURVEY", "现场勘察"), Map.entry("CONSTRUCTION", "施工"),
            Map.entry("INSTALLATION", "安装"), Map.entry("ACTIVATION", "开通"), Map.entry("ACCEPTANCE", "客户验收"),
            Map.entry("BILLING_START", "起租"),
            Map.entry("MILESTONE_STARTED", "开始"), Map.entry("MILESTONE_COMPLETED", "完成"),
            Map.entry("MILESTONE_FAILED", "失败"), Map.entry("HELD", "暂停"), Map.entry("RESUMED", "恢复"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("FINANCE", "Finance"), Map.entry("MANUFACTURING", "Manufacturing"), Map.entry("RETAIL", "Retail"),
            Map.entry("INTERNET", "Internet"), Map.entry("GOVERNMENT", "Government"), Map.entry("EDUCATION", "Education"),
            Map.entry("HEALTHCARE", "Healthcare"), Map.entry("TRANSPORT", "Transport"), Map.entry("ENERGY", "Energy"),
            Map.entry("LOGISTICS", "Logistics"), Map.entry("MEDIA", "Media"), Map.entry("REAL_ESTATE", "Real estate"),
            Map.entry("OTHER", "Other"),
            Map.entry("STRATEGIC", "Strategic"), Map.entry("KEY", "Key"), Map.entry("STANDARD", "Standard"),
            Map.entry("SME", "SME"),
            Map.entry("PROSPECT", "Prospect"), Map.entry("ACTIVE", "Active"), Map.entry("SUSPENDED", "Suspended"),
            Map.entry("CLOSED", "Closed"),
            Map.entry("DEDICATED_LINE", "Dedicated line"), Map.entry("IDC", "IDC"), Map.entry("CLOUD", "Cloud"),
            Map.entry("IOT", "IoT"), Map.entry("VOICE", "Voice"), Map.entry("SMS", "SMS"), Map.entry("SDWAN", "SD-WAN"),
            Map.entry("NEW", "New"), Map.entry("ASSIGNED", "Assigned"), Map.entry("BIDDING", "Open for bids"),
            Map.entry("DIRECTOR_QUEUE", "Director's queue"), Map.entry("CONTACTED", "Contacted"),
            Map.entry("QUALIFIED", "Qualified"), Map.entry("PROPOSAL", "Proposal"), Map.entry("NEGOTIATION", "Negotiation"),
            Map.entry("WON", "Won"), Map.entry("LOST", "Lost"),
            Map.entry("EXPAND", "Expand"), Map.entry("RENEW", "Renew"), Map.entry("RETAIN", "Retain"),
            Map.entry("PORTAL_INQUIRY", "Portal inquiry"), Map.entry("BASS_USAGE_SURGE", "Usage surge"),
            Map.entry("BASS_CHURN_RISK", "Churn risk"), Map.entry("CONTRACT_EXPIRY", "Contract expiry"),
            Map.entry("CAMPAIGN_RESPONSE", "Campaign response"), Map.entry("FIELD_VISIT", "Field visit"),
            Map.entry("PARTNER_REFERRAL", "Partner referral"),
            Map.entry("DRAFT", "Draft"), Map.entry("PENDING_APPROVAL", "Awaiting approval"), Map.entry("REJECTED", "Rejected"),
            Map.entry("APPROVED", "Approved"), Map.entry("ORDERED", "Ordered"), Map.entry("PENDING", "Pending"),
            Map.entry("CANCELLED", "Cancelled"), Map.entry("ISSUED", "To sign"), Map.entry("SIGNED", "Signed"),
            Map.entry("PRICE_NEGOTIATION", "Price approval"), Map.entry("RESOURCE_PRE_RESERVATION", "Resource reservation"),
            Map.entry("WAITING", "Queued"),
            Map.entry("valueTier", "Customer value"), Map.entry("source", "Source"), Map.entry("strength", "Strength"),
            Map.entry("intent", "Intent"), Map.entry("value", "Value"), Map.entry("recency", "Recency"),
            Map.entry("INVITED", "Invited"), Map.entry("ACCEPTED", "Accepted"), Map.entry("DECLINED", "Declined"),
            Map.entry("acknowledged", "Acknowledged"), Map.entry("inProgress", "In progress"), Map.entry("held", "Held"),
            Map.entry("pending", "Pending"), Map.entry("completed", "Completed"), Map.entry("failed", "Failed"),
            Map.entry("partial", "Partial"), Map.entry("rejected", "Rejected"), Map.entry("cancelled", "Cancelled"),
            Map.entry("assessingCancellation", "Assessing cancellation"),
            Map.entry("RESOURCE_CHECK", "Resource check"), Map.entry("SITE_SURVEY", "Site survey"),
            Map.entry("CONSTRUCTION", "Construction"), Map.entry("INSTALLATION", "Installation"),
            Map.entry("ACTIVATION", "Activation"), Map.entry("ACCEPTANCE", "Acceptance"),
            Map.entry("BILLING_START", "Billing start"),
            Map.entry("MILESTONE_STARTED", "started"), Map.entry("MILESTONE_COMPLETED", "completed"),
            Map.entry("MILESTONE_FAILED", "failed"), Map.entry("HELD", "Held"), Map.entry("RESUMED", "Resumed"));

    private Labels() {
    }

    static String of(String value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (value == null) {
            return "";
        }
        Map<String, String> labels = locale instanceof Locale l && l.getLanguage().equals("en")
                || locale != null && locale.toString().startsWith("en") ? EN : ZH;
        return labels.getOrDefault(value, value);
    }
}
