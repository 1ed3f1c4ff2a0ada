"""Checks a zeropark-view screenshot: the right size, and a picture rather than a blank window.

A blank or single-colour frame (a failed GL context, nothing drawn) has almost no spread of
colours; the view's park graph, plots and panels use many.
"""
import sys

import matplotlib.image
import numpy as np

path = sys.argv[1]
pixels = matplotlib.image.imread(path)  # float RGB(A) in [0, 1]
height, width = pixels.shape[:2]
rgb = (pixels[:, :, :3] * 255).round().astype(np.uint8)
colours = len(np.unique(rgb.reshape(-1, 3), axis=0))
spread = float(rgb.std())
print(f"{path}: {width}x{height}, {colours} colours, spread {spread:.1f}")
if (width, height) != (1280, 800):
    sys.exit(f"expected 1280x800, got {width}x{height}")
if colours < 50 or spread < 10:
    sys.exit("the frame is (nearly) blank")
