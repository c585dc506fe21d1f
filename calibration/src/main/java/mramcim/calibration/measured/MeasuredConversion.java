package mramcim.calibration.measured;

/**
 * One conversion of a bench run: the weight set programmed, the input vector applied, and the raw
 * TDC code of every column.
 *
 * @param index the conversion's number, from 0, in the order the chip converted
 * @param role what it is for
 * @param set the weight set (index into the measurement's weight sets)
 * @param input the input vector, +1 or -1 per row
 * @param codes raw TDC code per column (the code field of READ_RESULT)
 */
public record MeasuredConversion(int index, Role role, int set, int[] input, int[] codes) {

    public MeasuredConversion {
        input = input.clone();
        codes = codes.clone();
    }

    @Override
    public int[] input() {
        return input.clone();
    }

    @Override
    public int[] codes() {
        return codes.clone();
    }

    /** Input of row {@code i}, +1 or -1. */
    public int in(int i) {
        return input[i];
    }

    /** Raw code of column {@code j}. */
    public int code(int j) {
        return codes[j];
    }
}
