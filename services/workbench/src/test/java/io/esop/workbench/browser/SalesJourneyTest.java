package io.esop.workbench.browser;

import static io.esop.workbench.browser.BrowserJourneyTest.WAIT;
import static io.esop.workbench.browser.BrowserJourneyTest.WORKBENCH;
import static io.esop.workbench.browser.BrowserJourneyTest.body;
import static io.esop.workbench.browser.BrowserJourneyTest.screenshots;
import static io.esop.workbench.browser.BrowserJourneyTest.signIn;
import static io.esop.workbench.browser.BrowserJourneyTest.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.esop.contracts.EventTypes;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.ProgressKind;
import io.esop.workbench.support.Kafka;
import io.esop.workbench.support.RealPlatform;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole sales path through the workbench in real headless Chromium, against the real customer, opportunity and
 * order services (started by {@link RealPlatform}) and the real Keycloak login page: cm-zhang captures an
 * opportunity for ACME in the field, sees it assigned to himself, moves it to won and converts it, completes the
 * draft application with a 12 % discount and submits it; dir-wang approves it on a 390 px wide phone; ent-acme
 * signs the agreement in the portal (the PDF link works); then the fulfilment system reports milestones and they
 * appear on cm-zhang's order page and on ent-acme's portal without a reload. Screenshots of each page at phone and
 * desktop width go to target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(value = RealPlatform.class, restrictToAnnotatedClass = true)
class SalesJourneyTest {

    static final Pattern APPLICATION = Pattern.compile("APP-[0-9]+-[0-9]+");

    @Test
    void captureAssignConvertApplyApproveSignAndFollowTheOrderLive() throws Exception {
        BrowserJourneyTest.assumeBrowser();
        String marker = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser manager = Browser.open(); Browser director = Browser.open()) {
            WebDriver cm = manager.driver();

            // --- cm-zhang captures an opportunity at ACME in a few taps ---------------------------------------
            signIn(cm, "cm-zhang");
            waitForText(cm, "今日工作");
            assertThat(body(cm)).contains("待联系的商机").contains("可参与的竞标").contains("待我处理的申请单");
            screenshots(cm, "journey-01-today-cm-zhang");
            cm.findElement(By.linkText("现场录入商机")).click();
            waitForText(cm, "在客户现场几步记下商机");
            new Select(cm.findElement(By.id("customerId"))).selectByValue("cust-acme");
            cm.findElement(By.xpath("//label[contains(@class,'chip')][normalize-space()='云服务']")).click();
            WebElement value = cm.findElement(By.id("estimatedMonthlyValue"));
            value.clear();
            value.sendKeys("20000");
            cm.findElement(By.id("detail")).sendKeys("总部扩容云主机 " + marker);
            screenshots(cm, "journey-02-capture");
            cm.findElement(By.xpath("//button[normalize-space()='提交商机']")).click();

            // --- the pipeline assigns it to ACME's account manager ---------------------------------------------
            new WebDriverWait(cm, WAIT).ignoring(StaleElementReferenceException.class)
                    .withMessage(() -> BrowserJourneyTest.seen(cm))
                    .until(d -> d.getCurrentUrl().matches(".*/opportunities/(?!captured|new).+"));
            waitForText(cm, "负责人: cm-zhang");
            assertThat(body(cm)).contains("ACME Industrial Group").contains("已分配").contains("云服务").contains("评分构成")
                    .contains(marker);
            screenshots(cm, "journey-03-opportunity-assigned");

            // --- invites a collaborator: a refusal names the field, then cm-wu is invited with a 30 % share ------
            invite(cm, "cm-zhang", "30");
            waitForText(cm, "未能完成");
            assertThat(body(cm)).contains("partnerId");
            invite(cm, "cm-wu", "30");
            waitForText(cm, "协同: cm-wu (已邀请) 70% / 30%");

            // --- moves it to won and converts it -----------------------------------------------------------------
            for (String stage : List.of("已联系", "已确认需求", "方案", "商务谈判", "赢单")) {
                clickWhenPresent(cm, "//button[normalize-space()='推进到 " + stage + "']");
                // the page re-renders after the move: the badge is read in one script run, never as a kept node
                new WebDriverWait(cm, WAIT)
                        .withMessage(() -> stage + " on " + BrowserJourneyTest.seen(cm))
                        .until(d -> stage.equals(BrowserJourneyTest.textOf(d, ".who .badge")));
            }
            screenshots(cm, "journey-04-opportunity-won");
            clickWhenPresent(cm, "//button[normalize-space()='转为申请单']");
            waitForText(cm, "已转为申请单");
            // the order service makes the draft from the conversion event; the page refreshes until it is there
            clickWhenPresent(cm, "//a[starts-with(normalize-space(),'打开申请单')]");

            // --- completes the draft with a 12 % discount and submits it -----------------------------------------
            waitForText(cm, "产品明细");
            Matcher number = APPLICATION.matcher(body(cm));
            assertThat(number.find()).as("application number on the page").isTrue();
            String applicationNo = number.group();
            String trace = applicationNo.substring(4);
            assertThat(body(cm)).contains("草稿").contains("Cloud host").contains("折扣 (%)");
            WebElement discount = cm.findElement(By.id("i0-discountPercent"));
            discount.clear();
            discount.sendKeys("12");
            screenshots(cm, "journey-05-application-draft");
            cm.findElement(By.xpath("//button[normalize-space()='提交审批']")).click();
            waitForText(cm, "审批中");
            assertThat(body(cm)).contains("议价审批").contains("待审批");
            screenshots(cm, "journey-06-application-submitted");

            // --- dir-wang approves it on a 390 px wide phone -----------------------------------------------------
            WebDriver dir = director.driver();
            signIn(dir, "dir-wang");
            waitForText(dir, "待我审批");
            assertThat(body(dir)).contains("团队商机漏斗").contains("ACME");
            screenshots(dir, "journey-07-today-dir-wang");
            dir.findElement(By.linkText("去审批")).click();
            waitForText(dir, applicationNo);
            assertThat(((Number) ((JavascriptExecutor) dir).executeScript("return window.innerWidth;")).intValue())
                    .isEqualTo(390);
            assertThat(body(dir)).contains("12").contains("议价审批");
            screenshots(dir, "journey-08-approvals-dir-wang");
            WebElement card = dir.findElement(By.xpath(
                    "//section[.//a[normalize-space()='" + applicationNo + "']]"));
            card.findElement(By.tagName("textarea")).sendKeys("同意 12% 折扣，战略客户");
            card.findElement(By.xpath(".//button[normalize-space()='批准']")).click();
            waitForText(dir, "已处理审批");
            assertThat(body(dir)).doesNotContain(applicationNo);

            cm.navigate().refresh();
            waitForText(cm, "已批准");
            assertThat(body(cm)).contains("同意 12% 折扣").contains("查看协议 PDF");
            screenshots(cm, "journey-09-application-approved");
            director.close();

            // --- ent-acme signs the agreement in the portal ------------------------------------------------------
            try (Browser customer = Browser.open()) {
                WebDriver ent = customer.driver();
                signIn(ent, "ent-acme");
                waitForText(ent, "待签署协议");
                waitForText(ent, "AGR-" + trace);
                Object pdf = ((JavascriptExecutor) ent).executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "var link = Array.from(document.querySelectorAll('a')).find(a => a.textContent.includes('查看协议 PDF'));"
                                + "fetch(link.href).then(r => r.text().then(t => done(r.headers.get('content-type') + '|' + t.substring(0, 5))))"
                                + ".catch(e => done('failed ' + e));");
                assertThat(pdf.toString()).startsWith("application/pdf|%PDF-");
                screenshots(ent, "journey-10-portal-agreement");
                ent.findElement(By.xpath("//form[contains(@action,'AGR-" + trace + "')]//button")).click();
                waitForText(ent, "协议 AGR-" + trace + " 已签署，订单已创建");
                waitForText(ent, "ORD-" + trace);
                waitForText(ent, "实时连接中");

                cm.get(WORKBENCH + "/orders/ORD-" + trace);
                waitForText(cm, "开通进度");
                waitForText(cm, "实时连接中");
                assertThat(body(cm)).contains("已受理");
                for (WebDriver page : List.of(cm, ent)) {
                    ((JavascriptExecutor) page).executeScript("window.__stillTheSamePage = true;");
                }

                // --- the fulfilment system reports milestones; both pages show them without a reload -----------
                try (KafkaProducer<String, String> producer = Kafka.producer()) {
                    String order = "ORD-" + trace;
                    Kafka.send(producer, EventTypes.ORDER_PROGRESS_REPORTED, progress(order, 1, Milestone.RESOURCE_CHECK,
                            ProgressKind.MILESTONE_COMPLETED));
                    Kafka.send(producer, EventTypes.ORDER_PROGRESS_REPORTED, progress(order, 2, Milestone.SITE_SURVEY,
                            ProgressKind.MILESTONE_COMPLETED));
                    Kafka.send(producer, EventTypes.ORDER_PROGRESS_REPORTED, progress(order, 3, Milestone.CONSTRUCTION,
                            ProgressKind.MILESTONE_STARTED));
                }
                for (WebDriver page : List.of(cm, ent)) {
                    waitForText(page, "资源核查 完成");
                    waitForText(page, "现场勘察 完成");
                    waitForText(page, "施工 开始");
                    waitForText(page, "开通中");
                    assertThat(((JavascriptExecutor) page).executeScript("return window.__stillTheSamePage === true;"))
                            .as("the page was not reloaded").isEqualTo(true);
                }
                screenshots(cm, "journey-11-order-live-cm-zhang");
                screenshots(ent, "journey-12-portal-order-live");

                cm.get(WORKBENCH + "/orders/ORD-" + trace + "?lang=en");
                waitForText(cm, "Fulfilment milestones");
                assertThat(body(cm)).contains("Resource check completed").contains("Construction started")
                        .contains("In progress");
                screenshots(cm, "journey-13-order-en");
            }
        }
    }

    static void invite(WebDriver driver, String partner, String share) {
        driver.findElement(By.xpath("//summary[normalize-space()='邀请协同']")).click();
        driver.findElement(By.id("partnerId")).sendKeys(partner);
        WebElement percent = driver.findElement(By.id("partnerSharePercent"));
        percent.clear();
        percent.sendKeys(share);
        driver.findElement(By.xpath("//form[contains(@action,'/collaboration')]//button")).click();
    }

    static OrderProgressEvent progress(String orderId, long sequence, Milestone milestone, ProgressKind kind) {
        return new OrderProgressEvent(UUID.randomUUID().toString(), orderId, sequence, milestone, kind, Instant.now(),
                "OSS-PROVISIONING", null);
    }

    /** Clicks what the xpath finds, waiting for it (a page may refresh itself until it appears). */
    static void clickWhenPresent(WebDriver driver, String xpath) {
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .withMessage(() -> xpath + " on " + BrowserJourneyTest.seen(driver))
                .until(d -> {
                    try {
                        d.findElement(By.xpath(xpath)).click();
                        return true;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // Chromium's word for a node the page replaced between finding and clicking it
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
    }
}
