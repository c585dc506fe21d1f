package mramcim.spec;

/**
 * The {@code cmd_addr} of the cell ops WRITE_CELL and READ_CELL (SPEC section 5): row in [15:8],
 * column in [7:0].
 */
public final class CellAddress {

    /** Lowest bit of the row field. */
    public static final int ROW_LSB = 8;

    /** Width of the row field, [15:8]. */
    public static final int ROW_WIDTH = HostBus.ADDR_WIDTH - ROW_LSB;

    /** Lowest bit of the column field. */
    public static final int COL_LSB = 0;

    /** Width of the column field, [7:0]. */
    public static final int COL_WIDTH = ROW_LSB;

    private CellAddress() {}

    /** The address of cell (row, col). */
    public static int encode(int row, int col) {
        return (row << ROW_LSB) | (col << COL_LSB);
    }

    /** The row field of a cell address. */
    public static int row(int addr) {
        return (int) ((addr >>> ROW_LSB) & HostBus.mask(ROW_WIDTH));
    }

    /** The column field of a cell address. */
    public static int col(int addr) {
        return (int) ((addr >>> COL_LSB) & HostBus.mask(COL_WIDTH));
    }
}
