/**
 * Behavioural model of the MRAM in-memory-computing macro, layered as the hardware is: {@code
 * device -> array -> periphery -> macro} (SPEC sections 2-5).
 */
package mramcim.model;
