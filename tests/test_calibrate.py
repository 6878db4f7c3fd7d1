import numpy as np

from readouts.calibrate import fit_logistic


def test_calibrate_logistic_separates_a_separable_set():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(float)
    w, b = fit_logistic(x, y, l2=0.1)
    pred = (x @ w + b) > 0
    assert (pred == (y > 0)).mean() > 0.95
    assert w[0] > w[1] > 0


def test_calibrate_penalty_shrinks_weights():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] > 0).astype(float)
    loose, _ = fit_logistic(x, y, l2=0.01)
    tight, _ = fit_logistic(x, y, l2=100.0)
    assert np.abs(tight).sum() < np.abs(loose).sum()
