package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * Headless Chromium driven by Selenium, with the flags measured in {@code shared/stack-facts.md}.
 * One instance per test class (Chromium takes seconds to start); a fresh temporary profile each time.
 * <p>
 * Paths: the driver from env {@code CHROMEDRIVER} (default {@code /usr/bin/chromedriver}) and the browser from env
 * {@code CHROME_BIN} (default {@code /usr/bin/chromium}); when a file does not exist, Selenium Manager resolves it.
 */
public final class Browser implements AutoCloseable {

    /** Flags every variant uses (stack-facts: headless on a machine without a display or GPU). */
    static final List<String> BASE_FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");
    /** WebGPU through SwiftShader: all four are needed, or a WebGPU canvas crashes the GPU process. */
    static final List<String> WEBGPU_FLAGS = List.of(
            "--enable-unsafe-webgpu", "--enable-features=Vulkan", "--use-vulkan=swiftshader", "--use-angle=swiftshader");
    /** Not a rendering flag: only makes screenshots show the whole page. */
    static final String WINDOW_SIZE = "--window-size=1400,1000";

    private final String name;
    private final ChromeDriver driver;
    private final Path userDataDir;

    private Browser(String name, boolean webGpu) throws IOException {
        this.name = name;
        this.userDataDir = Files.createTempDirectory("flowplay-e2e-chromium");
        ChromeOptions options = new ChromeOptions();
        List<String> args = new ArrayList<>(BASE_FLAGS);
        args.add("--user-data-dir=" + userDataDir.toAbsolutePath());
        if (webGpu) {
            args.addAll(WEBGPU_FLAGS);
        }
        args.add(WINDOW_SIZE);
        options.addArguments(args);
        File binary = new File(envOr("CHROME_BIN", "/usr/bin/chromium"));
        if (binary.isFile()) {
            options.setBinary(binary);
        }
        // Downloads (e.g. "Export samples") land in the throw-away profile, never in the user's home.
        options.setExperimentalOption("prefs", Map.of("download.default_directory",
                userDataDir.resolve("downloads").toAbsolutePath().toString(), "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        File driverFile = new File(envOr("CHROMEDRIVER", "/usr/bin/chromedriver"));
        ChromeDriverService.Builder service = new ChromeDriverService.Builder().usingAnyFreePort()
                .withLogFile(FlowplayProcess.targetDir().resolve("chromedriver-" + name + ".log").toFile());
        if (driverFile.isFile()) {
            service.usingDriverExecutable(driverFile);
        }
        this.driver = new ChromeDriver(service.build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Chromium with WebGPU on SwiftShader: {@code navigator.gpu.requestAdapter()} yields an adapter. */
    public static Browser withWebGpu(String name) throws IOException {
        return new Browser(name, true);
    }

    /** Chromium without the WebGPU flags: no adapter exists, so the page must fall back to Canvas2D. */
    public static Browser withoutWebGpu(String name) throws IOException {
        return new Browser(name, false);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} as a new document (also when only the hash differs from the current page). */
    public void open(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    /**
     * What {@code navigator.gpu.requestAdapter()} gives in the current page: {@code "adapter:<architecture>"},
     * {@code "null"} (no adapter), {@code "no navigator.gpu"} or {@code "error:<message>"}.
     */
    public String webGpuAdapter() {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "if (!navigator.gpu) { done('no navigator.gpu'); return; }"
                        + "navigator.gpu.requestAdapter().then("
                        + "  a => done(a ? 'adapter:' + ((a.info && a.info.architecture) || '?') : 'null'),"
                        + "  e => done('error:' + e));");
        return String.valueOf(result);
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** The attribute of the element with that id, or null when the element or the attribute is missing. */
    public String attribute(String id, String attribute) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0).getDomAttribute(attribute);
    }

    /** The element's text content (also when it is hidden), trimmed; null when there is no such element. */
    public String text(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        if (found.isEmpty()) {
            return null;
        }
        String text = found.get(0).getDomProperty("textContent");
        return text == null ? "" : text.trim();
    }

    /** The form control generated for a setting: {@code select#name} or {@code input#name}, by the page contract. */
    public WebElement control(String setting) {
        List<WebElement> found = driver.findElements(By.cssSelector(
                "select#" + setting + ", input#" + setting + ", textarea#" + setting));
        if (found.isEmpty()) {
            failWithPage("no form control with id '" + setting + "' (the page contract generates one per setting)");
        }
        return found.get(0);
    }

    /** Sets a setting's control the way a user does: choose the option, or select the text, type and leave the field. */
    public void set(String setting, String value) {
        WebElement control = control(setting);
        if ("select".equalsIgnoreCase(control.getTagName())) {
            Select select = new Select(control);
            boolean hasValue = select.getOptions().stream().anyMatch(o -> value.equals(o.getDomProperty("value")));
            if (hasValue) {
                select.selectByValue(value);
            } else {
                select.selectByVisibleText(value);
            }
        } else {
            control.click();
            control.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        }
        String now = control.getDomProperty("value");
        if (!value.equals(now)) {
            failWithPage("setting '" + setting + "' to '" + value + "' left the control at '" + now + "'");
        }
        assertNoPageError();
    }

    public String value(String setting) {
        return control(setting).getDomProperty("value");
    }

    /** Fails with the page's error text when {@code #error[data-error]} is non-empty. */
    public void assertNoPageError() {
        String error = attribute("error", "data-error");
        if (error != null && !error.isBlank()) {
            failWithPage("the page reported an error: data-error='" + error + "', #error text='" + text("error") + "'");
        }
    }

    /**
     * Polls {@code condition} every 200 ms until it holds; fails fast when the page reports an error, and with a
     * screenshot and the page state when the timeout passes.
     */
    public void waitUntil(String description, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            assertNoPageError();
            Boolean ok;
            try {
                ok = condition.get();
            } catch (WebDriverException e) {
                ok = false; // e.g. the element is being replaced; try again
            }
            if (Boolean.TRUE.equals(ok)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                failWithPage("timed out after " + timeout.toSeconds() + " s waiting until " + description);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + description);
            }
        }
    }

    /** Saves {@code target/screenshots/<browser name>-<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = FlowplayProcess.targetDir().resolve("screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(this.name + "-" + name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | WebDriverException e) {
            return null;
        }
    }

    /**
     * How many different RGB colours the element shows on screen: 1 for a blank canvas, many for a drawing. From a
     * screenshot, because a WebGPU canvas reads back transparent once its frame is presented.
     */
    public int distinctColours(WebElement element) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES)));
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    colours.add(image.getRGB(x, y) & 0xffffff);
                }
            }
            return colours.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with {@code message} plus what the page shows: run state, renderer, stats, error, console, screenshot. */
    public void failWithPage(String message) {
        Path shot = screenshot("failure");
        fail(message + System.lineSeparator() + pageReport()
                + (shot == null ? "" : System.lineSeparator() + "screenshot: " + shot.toAbsolutePath()));
    }

    /** A short description of the page state for failure messages. */
    public String pageReport() {
        StringBuilder report = new StringBuilder();
        try {
            report.append("url=").append(driver.getCurrentUrl())
                    .append(" run-state='").append(text("run-state")).append("'")
                    .append(" renderer=").append(attribute("renderer", "data-renderer"))
                    .append(" error='").append(attribute("error", "data-error")).append("'");
            Object stats = ((JavascriptExecutor) driver).executeScript(
                    "const s = document.getElementById('stats'); if (!s) return null; const r = {};"
                            + "for (const a of s.attributes) { if (a.name.startsWith('data-')) r[a.name] = a.value; } return r;");
            report.append(" stats=").append(stats);
        } catch (WebDriverException e) {
            report.append(" (page not readable: ").append(e.getMessage().lines().findFirst().orElse("")).append(")");
        }
        String console = consoleLog();
        if (!console.isEmpty()) {
            report.append(System.lineSeparator()).append("browser console:").append(System.lineSeparator()).append(console);
        }
        return report.toString();
    }

    /** The browser console since the last call (Chromium keeps it through goog:loggingPrefs). */
    public String consoleLog() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining(System.lineSeparator()));
        } catch (WebDriverException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** The {@code data-*} attributes of an element, for reports. */
    @SuppressWarnings("unchecked")
    public Map<String, String> dataAttributes(String id) {
        Object r = ((JavascriptExecutor) driver).executeScript(
                "const s = document.getElementById(arguments[0]); if (!s) return {}; const r = {};"
                        + "for (const a of s.attributes) { if (a.name.startsWith('data-')) r[a.name] = a.value; } return r;", id);
        return (Map<String, String>) r;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            FlowplayProcess.deleteRecursively(userDataDir);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
