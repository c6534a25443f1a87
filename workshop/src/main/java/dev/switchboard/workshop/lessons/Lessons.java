package dev.switchboard.workshop.lessons;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/** Finds lesson {@code N} by its class name, {@code dev.switchboard.workshop.lessons.lessonNN.LessonNN}. */
public final class Lessons {

    /** The number of the last lesson. */
    public static final int LAST = 9;

    private Lessons() {
    }

    /**
     * Lesson {@code number}, if it exists.
     *
     * @param number 1 to {@link #LAST}
     * @return the lesson, or empty when there is no class for it
     * @throws IllegalStateException if the class exists but cannot be created (a programming error)
     */
    public static Optional<Lesson<?>> find(int number) {
        String nn = String.format(Locale.ROOT, "%02d", number);
        String name = "dev.switchboard.workshop.lessons.lesson" + nn + ".Lesson" + nn;
        try {
            Class<?> type = Class.forName(name);
            return Optional.of((Lesson<?>) type.getConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException(name + " cannot be created: " + cause, cause);
        }
    }
}
