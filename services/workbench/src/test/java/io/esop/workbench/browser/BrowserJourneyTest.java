package io.esop.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.contracts.Topics;
import io.esop.workbench.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * People's paths through the workbench in real headless Chromium (Debian's chromium + chromium-driver, see
 * install-browser.sh), signing in through the real Keycloak login page. Screenshots of each page at phone (390 px)
 * and desktop (1280 px) width go to target/screenshots/. Assertions are on what a person sees.
 */
@QuarkusTest
class BrowserJourneyTest {

    static final String WORKBENCH = "http://localhost:8080";
    static final File CHROMIUM = new File(System.getProperty("esop.chromium", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getProperty("esop.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void customerManagerSignsInSearchesAndOpensAcmes360View() throws Exception {
        assumeBrowser();
        withBrowser(driver -> {
            signIn(driver, "cm-zhang");
            waitForText(driver, "今日工作");
            assertThat(body(driver)).contains("我的客户").contains("ACME 科技有限公司").contains("客户关怀提醒");
            // the live stream connects from the browser (EventSource)
            waitForText(driver, "实时连接中");
            screenshots(driver, "home-cm-zhang");

            driver.findElement(By.linkText("客户")).click();
            waitForText(driver, "客户查询");
            WebElement search = driver.findElement(By.id("q"));
            search.sendKeys("ACME");
            driver.findElement(By.xpath("//button[normalize-space()='查询']")).click();
            // the first page lists two customers; the search narrows it to ACME (htmx swaps the results in place)
            new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !body(d).contains("东方精密制造")
                    && body(d).contains("ACME 科技有限公司"));
            screenshots(driver, "customers-search");

            driver.findElement(By.partialLinkText("ACME 科技有限公司")).click();
            waitForText(driver, "客户 360° 视图");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("ACME 科技有限公司");
            assertThat(body(driver)).contains("联系人").contains("王建国").contains("共 25 名成员");
            screenshots(driver, "customer-360-acme");

            driver.get(WORKBENCH + "/customers/cust-acme?lang=en");
            waitForText(driver, "Customer 360° view");
            assertThat(body(driver)).contains("Contacts").contains("Products in use").contains("Dedicated line")
                    .contains("Manufacturing");
            screenshots(driver, "customer-360-acme-en");
            driver.get(WORKBENCH + "/?lang=zh");
        });
    }

    @Test
    void enterpriseCustomerSendsAnInquiryFromThePortal() throws Exception {
        assumeBrowser();
        String marker = "browser-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = Kafka.consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNALS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach(consumer::seek);

            withBrowser(driver -> {
                signIn(driver, "ent-acme");
                waitForText(driver, "业务咨询");
                assertThat(driver.getCurrentUrl()).startsWith(WORKBENCH + "/portal");
                assertThat(body(driver)).contains("政企网厅").contains("ACME 科技有限公司").contains("集团成员")
                        .doesNotContain("请填写需求描述");
                screenshots(driver, "portal-ent-acme");

                new Select(driver.findElement(By.id("productLine"))).selectByVisibleText("云服务");
                driver.findElement(By.id("detail")).sendKeys("总部需要 100 核云主机 " + marker);
                driver.findElement(By.id("estimatedMonthlyValue")).sendKeys("5000");
                driver.findElement(By.xpath("//button[normalize-space()='提交咨询']")).click();
                waitForText(driver, "咨询已提交");
                assertThat(body(driver)).doesNotContain("请填写需求描述");
                screenshots(driver, "portal-inquiry-sent");
            });

            AtomicReference<JsonNode> signal = new AtomicReference<>();
            await("the PORTAL_INQUIRY signal").atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(marker)) {
                        signal.set(Kafka.JSON.readTree(record.value()));
                    }
                }
                return signal.get() != null;
            });
            assertThat(signal.get().path("source").asText()).isEqualTo("PORTAL_INQUIRY");
            assertThat(signal.get().path("customerId").asText()).isEqualTo("cust-acme");
            assertThat(signal.get().path("productLine").asText()).isEqualTo("CLOUD");
        }
    }

    interface Journey {
        void walk(WebDriver driver) throws Exception;
    }

    static void assumeBrowser() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Chromium and ChromeDriver missing: run services/workbench/install-browser.sh");
    }

    /** A fresh headless Chromium with its own profile, closed and deleted afterwards. */
    static void withBrowser(Journey journey) throws Exception {
        Path profile = Files.createTempDirectory("esop-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=390,844", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            journey.walk(driver);
        } finally {
            driver.quit();
            service.stop();
            deleteRecursively(profile);
        }
    }

    static void signIn(WebDriver driver, String username) {
        driver.get(WORKBENCH + "/");
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(driver.getCurrentUrl()).startsWith("http://localhost:8180/realms/esop/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("esop-demo");
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(WORKBENCH));
    }

    /** Waits for the text; a page that is still navigating (redirect, htmx swap) is read again. */
    static void waitForText(WebDriver driver, String text) {
        new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "'" + text + "' on " + seen(driver))
                .until(d -> body(d).contains(text));
    }

    /** What the person sees, for a failure message. */
    static String seen(WebDriver driver) {
        try {
            return driver.getCurrentUrl() + ":\n" + body(driver);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /**
     * The page's visible text, read in one script run: a page that htmx or a stage move re-renders meanwhile cannot
     * hand back a node that left the document (Chromium reports that as "Node with given id does not belong to the
     * document", not as a stale element).
     */
    static String body(WebDriver driver) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.body ? document.body.innerText : '';");
        return text == null ? "" : text.toString();
    }

    /** The text of the first element the selector finds, read in one script run; null when there is none. */
    static String textOf(WebDriver driver, String cssSelector) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", cssSelector);
        return text == null ? null : text.toString();
    }

    /**
     * Saves the page at phone and desktop width; at phone width, nothing makes the person scroll sideways and the
     * navigation and buttons are big enough to tap (44 px).
     */
    static void screenshots(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {390, 1280}) {
            driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            if (width == 390) {
                Number overflow = (Number) js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as(name + ": sideways scrolling at 390 px").isLessThanOrEqualTo(0);
                for (WebElement target : driver.findElements(By.cssSelector("header a, main button, main .button"))) {
                    if (target.isDisplayed()) {
                        assertThat(target.getSize().getHeight()).as(name + ": tap target '" + target.getText() + "'")
                                .isGreaterThanOrEqualTo(44);
                    }
                }
            }
            File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
