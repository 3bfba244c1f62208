package io.esop.workbench.common.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.Map;

/**
 * People read "制造业" or "Manufacturing", not MANUFACTURING: labels of the contracts' enum values (industry,
 * value tier, customer status, product line) in the page's language; an unknown value is shown as it is, so a
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
            Map.entry("SDWAN", "SD-WAN"));

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
            Map.entry("IOT", "IoT"), Map.entry("VOICE", "Voice"), Map.entry("SMS", "SMS"), Map.entry("SDWAN", "SD-WAN"));

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
