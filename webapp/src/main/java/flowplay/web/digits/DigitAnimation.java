package flowplay.web.digits;

import flowplay.core.data.Digits;
import flowplay.core.solver.Trajectory;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One digit on its way from noise (t = 0) to image (t = 1): the grid's first digit solved again with its path
 * recorded, shown large at the time the slider {@code #digits-t} picks, with Play ({@code #digits-play}) running through
 * the frames, and a film strip of nine evenly spaced frames beside it.
 */
final class DigitAnimation {
    private static final int CELL = 20;
    private static final int FILM = 9;
    private static final int FILM_CELL = 5;
    private static final int FILM_GAP = 6;
    /** Milliseconds per frame while playing: 32 steps take about 1.3 s. */
    private static final int FRAME_MS = 40;

    private final HTMLCanvasElement big;
    private final HTMLCanvasElement film;
    private final HTMLElement slider;
    private final HTMLElement time;
    private final HTMLElement play;
    private Trajectory path;
    private int timer = -1;

    DigitAnimation(HTMLElement parent) {
        HTMLElement box = Dom.create("div", "digits-anim");
        big = (HTMLCanvasElement) Dom.create("canvas", "digits-anim-big");
        big.setAttribute("id", "digits-anim");
        big.setWidth(Digits.SIDE * CELL);
        big.setHeight(Digits.SIDE * CELL);
        HTMLElement side = Dom.create("div", "digits-anim-side");
        HTMLElement controls = Dom.create("div", "digits-anim-controls");
        play = Dom.create("button", null);
        play.setAttribute("type", "button");
        play.setAttribute("id", "digits-play");
        Dom.setText(play, "Play");
        slider = Dom.range("digits-t", "0", "0", "1");
        slider.setAttribute("aria-label", "time t of the frame shown");
        time = Dom.create("span", "digits-t-value");
        controls.appendChild(play);
        controls.appendChild(slider);
        controls.appendChild(time);
        film = (HTMLCanvasElement) Dom.create("canvas", "digits-film");
        film.setAttribute("id", "digits-film");
        film.setWidth(FILM * (Digits.SIDE * FILM_CELL + FILM_GAP) - FILM_GAP);
        film.setHeight(Digits.SIDE * FILM_CELL);
        side.appendChild(controls);
        side.appendChild(film);
        box.appendChild(big);
        box.appendChild(side);
        parent.appendChild(box);
        slider.addEventListener("input", (Event e) -> PageErrors.guarded("digit animation", () -> {
            stop();
            frame(Integer.parseInt(Dom.value(slider)));
        }));
        play.addEventListener("click", (Event e) -> PageErrors.guarded("digit animation", this::toggle));
    }

    /** A new path (frames of one digit): shown at its end, t = 1. */
    void show(Trajectory trajectory) {
        stop();
        path = trajectory;
        int last = trajectory.frameCount() - 1;
        slider.setAttribute("max", Integer.toString(last));
        big.setAttribute("data-frames", Integer.toString(trajectory.frameCount()));
        CanvasRenderingContext2D g = DigitPainter.context(film);
        DigitPainter.clear(g, film);
        for (int k = 0; k < FILM; k++) {
            int f = Math.round((float) k * last / (FILM - 1));
            DigitPainter.paint(g, trajectory.frame(f), 0, k * (Digits.SIDE * FILM_CELL + FILM_GAP), 0, FILM_CELL);
        }
        frame(last);
    }

    private void frame(int k) {
        if (path == null) {
            return;
        }
        Dom.setValue(slider, Integer.toString(k));
        double t = path.time(k);
        Dom.setText(time, "t = " + Math.round(t * 1000) / 1000.0);
        big.setAttribute("data-t", Double.toString(t));
        big.setAttribute("data-frame", Integer.toString(k));
        DigitPainter.paint(DigitPainter.context(big), path.frame(k), 0, 0, 0, CELL);
    }

    private void toggle() {
        if (timer >= 0) {
            stop();
            return;
        }
        if (path == null) {
            return;
        }
        int[] k = {Integer.parseInt(Dom.value(slider)) >= path.frameCount() - 1 ? 0 : Integer.parseInt(Dom.value(slider))};
        Dom.setText(play, "Pause");
        frame(k[0]);
        timer = Window.setInterval(() -> PageErrors.guarded("digit animation", () -> {
            k[0]++;
            if (k[0] >= path.frameCount()) {
                stop();
                return;
            }
            frame(k[0]);
        }), FRAME_MS);
    }

    private void stop() {
        if (timer >= 0) {
            Window.clearInterval(timer);
            timer = -1;
        }
        Dom.setText(play, "Play");
    }
}
