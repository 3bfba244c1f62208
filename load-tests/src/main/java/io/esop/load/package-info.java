/** ESOP's benchmark drivers; each prints its figures beside a baseline measured in the same run. */
package io.esop.load;
