package io.esop.order.agreement.mapping;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.esop.order.agreement.rest.AgreementView;
import io.esop.order.application.ApplicationItem;
import io.esop.order.common.service.TraceNumbers;

/** Renders an agreement as a self-contained HTML page, and as the lines of its PDF. */
public final class AgreementDocument {

    /** The standard terms every agreement carries (customer facing). */
    public static final List<String> TERMS = List.of(
            "Prices are monthly recurring charges in CNY, including VAT, for the items and quantities listed.",
            "Billing starts on the day the service is accepted (billing start); the first month is prorated.",
            "The discount applies for the contract term of each item; later changes need a new application.",
            "The operator reports fulfilment milestones to the customer until the order is completed.",
            "Either party may cancel before installation; costs already incurred for construction are charged.");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TraceNumbers.ZONE);

    private AgreementDocument() {
    }

    public static String html(AgreementView a) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Agreement ").append(esc(a.agreementNo())).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;")
                .append("text-align:left;vertical-align:top}.num{text-align:right}</style></head><body>\n");
        h.append("<h1>Service agreement ").append(esc(a.agreementNo())).append("</h1>\n");
        h.append("<p>Application <b>").append(esc(a.applicationNo())).append("</b> · status <b>")
                .append(a.status()).append("</b> · issued ").append(TIME.format(a.issuedAt())).append("</p>\n");
        h.append("<p>Customer: <b>").append(esc(a.customerName())).append("</b> (").append(esc(a.customerId()))
                .append(")<br>Customer manager: ").append(esc(a.ownerId())).append("</p>\n");
        h.append("<h2>Items</h2>\n<table><tr><th>#</th><th>Product</th><th>Configuration</th><th>Qty</th>")
                .append("<th class=num>List price / month</th><th class=num>Discount %</th>")
                .append("<th class=num>Amount / month</th></tr>\n");
        int n = 1;
        for (ApplicationItem item : a.items()) {
            h.append("<tr><td>").append(n++).append("</td><td>").append(esc(item.productName())).append("<br><small>")
                    .append(esc(item.productCode())).append(" v").append(item.templateVersion())
                    .append("</small></td><td>");
            for (Map.Entry<String, Object> e : item.attributes().entrySet()) {
                h.append(esc(e.getKey())).append(": ").append(esc(String.valueOf(e.getValue()))).append("<br>");
            }
            h.append("</td><td class=num>").append(item.quantity()).append("</td><td class=num>")
                    .append(money(item.listPrice())).append("</td><td class=num>")
                    .append(item.discountPercent().toPlainString()).append("</td><td class=num>")
                    .append(money(item.monthlyAmount())).append("</td></tr>\n");
        }
        h.append("<tr><th colspan=6>Total per month (list ").append(money(a.listTotal())).append(")</th><th class=num>")
                .append(money(a.monthlyValue())).append("</th></tr></table>\n");
        if (a.requestedCompletionDate() != null) {
            h.append("<p>Requested completion: ").append(a.requestedCompletionDate()).append("</p>\n");
        }
        h.append("<h2>Credit</h2>\n<p>").append(esc(a.creditSplit().ownerId())).append(": ")
                .append(a.creditSplit().ownerSharePercent()).append(" %");
        if (a.creditSplit().partnerId() != null) {
            h.append(", ").append(esc(a.creditSplit().partnerId())).append(": ")
                    .append(a.creditSplit().partnerSharePercent()).append(" %");
        }
        h.append("</p>\n<h2>Terms</h2>\n<ol>");
        for (String term : a.terms()) {
            h.append("<li>").append(esc(term)).append("</li>");
        }
        h.append("</ol>\n<h2>Signature</h2>\n<p>");
        if (a.signedAt() != null) {
            h.append("Signed by <b>").append(esc(a.signedBy())).append("</b> on ").append(TIME.format(a.signedAt()))
                    .append(" · order <b>").append(esc(a.orderId())).append("</b>");
        } else {
            h.append("Not signed yet.");
        }
        return h.append("</p>\n</body></html>\n").toString();
    }

    /** The text lines of the PDF version (the standard PDF fonts hold Latin text; other characters become '?'). */
    public static List<String> lines(AgreementView a) {
        List<String> l = new ArrayList<>();
        l.add("Service agreement " + a.agreementNo());
        l.add("");
        l.add("Application: " + a.applicationNo() + "   Status: " + a.status() + "   Issued: " + TIME.format(a.issuedAt()));
        l.add("Customer: " + a.customerName() + " (" + a.customerId() + ")");
        l.add("Customer manager: " + a.ownerId());
        l.add("");
        l.add("Items");
        int n = 1;
        for (ApplicationItem item : a.items()) {
            l.add(n++ + ". " + item.productName() + " (" + item.productCode() + " v" + item.templateVersion() + ") x"
                    + item.quantity() + ": list " + money(item.listPrice()) + ", discount "
                    + item.discountPercent().toPlainString() + " %, " + money(item.monthlyAmount()) + " / month");
            for (Map.Entry<String, Object> e : item.attributes().entrySet()) {
                l.add("      " + e.getKey() + ": " + e.getValue());
            }
        }
        l.add("Total per month: " + money(a.monthlyValue()) + " (list " + money(a.listTotal()) + ")");
        l.add("");
        l.add("Credit: " + a.creditSplit().ownerId() + " " + a.creditSplit().ownerSharePercent() + " %"
                + (a.creditSplit().partnerId() == null ? ""
                        : ", " + a.creditSplit().partnerId() + " " + a.creditSplit().partnerSharePercent() + " %"));
        l.add("");
        l.add("Terms");
        int t = 1;
        for (String term : a.terms()) {
            l.add(t++ + ". " + term);
        }
        l.add("");
        l.add(a.signedAt() == null ? "Not signed yet."
                : "Signed by " + a.signedBy() + " on " + TIME.format(a.signedAt()) + ", order " + a.orderId());
        return l;
    }

    private static String money(BigDecimal value) {
        return "CNY " + value.toPlainString();
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
