package mramcim.model.macro;

import mramcim.spec.ResultWord;
import mramcim.spec.Status;

/**
 * One host response and what it cost.
 *
 * @param status the response status
 * @param data the 32-bit response data
 * @param cycles clock edges from the first cycle the command was presented to the edge that took
 *     the response, both included
 */
public record Response(Status status, int data, long cycles) {

    /** The low 16 bits of READ_RESULT data as a signed dot product. */
    public int dotProduct() {
        return ResultWord.dp(data);
    }

    /** The raw TDC code of READ_RESULT data. */
    public int code() {
        return codeOf(data);
    }

    /** The raw TDC code field of a READ_RESULT data word (SPEC 5: bits [31:16]). */
    public static int codeOf(int data) {
        return ResultWord.code(data);
    }
}
