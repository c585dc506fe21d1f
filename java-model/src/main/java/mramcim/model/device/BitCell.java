package mramcim.model.device;

/**
 * One bit cell (SPEC section 2, seed 000 Fig. 1): two FET-MTJ branches in parallel between the
 * cell's two series nodes. Branch A's FET is gated by IN and its MTJ stores W; branch B's FET is
 * gated by not IN and its MTJ stores not W. Weight +1 is MTJ A in P and MTJ B in AP. So IN == W
 * puts a P device in the on-branch (low cell resistance R_L), IN != W an AP device (R_H).
 */
public final class BitCell {

    /** Branch index of MTJ A on the {@code acc_branch} pin. */
    public static final int BRANCH_A = 0;

    /** Branch index of MTJ B on the {@code acc_branch} pin. */
    public static final int BRANCH_B = 1;

    private final Fet fetA;
    private final Fet fetB;
    private final Mtj mtjA;
    private final Mtj mtjB;

    public BitCell(Fet fetA, Mtj mtjA, Fet fetB, Mtj mtjB) {
        this.fetA = fetA;
        this.mtjA = mtjA;
        this.fetB = fetB;
        this.mtjB = mtjB;
    }

    /** The MTJ of branch {@link #BRANCH_A} or {@link #BRANCH_B}. */
    public Mtj mtj(int branch) {
        return branch == BRANCH_A ? mtjA : mtjB;
    }

    /** The FET of a branch. */
    public Fet fet(int branch) {
        return branch == BRANCH_A ? fetA : fetB;
    }

    /**
     * Cell resistance for input {@code in} (true = +1): on-branch in parallel with off-branch.
     *
     * @param bias voltage across each MTJ, V (sets the AP resistance through TMR(V))
     */
    public double resistance(boolean in, double bias) {
        double ra = fetA.resistance(in) + mtjA.resistance(bias);
        double rb = fetB.resistance(!in) + mtjB.resistance(bias);
        return ra * rb / (ra + rb);
    }

    /**
     * The weight the cell stores: +1 when MTJ A is in P and MTJ B in AP, -1 for the opposite, 0
     * when both MTJs are in the same state (an invalid cell, for example after a failed write).
     */
    public int weight() {
        MtjState a = mtjA.state();
        MtjState b = mtjB.state();
        if (a == b) {
            return 0;
        }
        return a == MtjState.P ? 1 : -1;
    }

    /** Programs weight +1 or -1 directly (both MTJs forced; stuck MTJs keep their state). */
    public void force(int weight) {
        mtjA.force(weight > 0 ? MtjState.P : MtjState.AP);
        mtjB.force(weight > 0 ? MtjState.AP : MtjState.P);
    }
}
