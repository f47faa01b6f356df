"""What an analyst would otherwise write for predictive CLV: pandas for the summary, then BG/NBD and
Gamma-Gamma fitted by maximum likelihood (the likelihoods of the `lifetimes` package, written with scipy
because `lifetimes` is not packaged for Debian), expected purchases over 26 weeks and a 12-month CLV.

Usage: python3 clv.py transactions.csv out.csv
"""
import sys

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, gammaln

source, target = sys.argv[1], sys.argv[2]
frame = pd.read_csv(source, dtype={"InvoiceNo": str, "CustomerID": str}, parse_dates=["InvoiceDate"])
frame = frame.dropna(subset=["CustomerID"])
frame["amount"] = frame["Quantity"] * frame["UnitPrice"]
frame["day"] = frame["InvoiceDate"].dt.normalize()
as_of = frame["day"].max() + pd.Timedelta(days=1)
daily = frame.groupby(["CustomerID", "day"], as_index=False)["amount"].sum()
daily = daily[daily["amount"] > 0]
per = daily.groupby("CustomerID").agg(first=("day", "min"), last=("day", "max"), days=("day", "count"))
x = (per["days"] - 1).to_numpy(float)
t_x = ((per["last"] - per["first"]).dt.days / 7).to_numpy(float)
T = ((as_of - per["first"]).dt.days / 7).to_numpy(float)


def bgnbd_nll(params):
    r, alpha, a, b = np.exp(params)
    part1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    part2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    part3 = -(r + x) * np.log(alpha + T)
    part4 = np.where(x > 0, np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + t_x), -np.inf)
    return -np.sum(part1 + part2 + np.logaddexp(part3, part4))


r, alpha, a, b = np.exp(minimize(bgnbd_nll, np.zeros(4), method="Nelder-Mead", options={"maxiter": 4000}).x)
horizon = 26.0
from scipy.special import hyp2f1

z = horizon / (alpha + T + horizon)
expected = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + horizon)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
p_alive = 1 / (1 + (x > 0) * (a / (b + x - 1 + (x == 0))) * ((alpha + T) / (alpha + t_x)) ** (r + x))
expected = expected / (1 + (x > 0) * (a / (b + x - 1 + (x == 0))) * ((alpha + T) / (alpha + t_x)) ** (r + x))

repeat = daily.merge(per[["first"]], left_on="CustomerID", right_index=True)
repeat = repeat[repeat["day"] > repeat["first"]].groupby("CustomerID")["amount"].mean()
m = repeat.reindex(per.index).fillna(0).to_numpy(float)
mask = x > 0


def gg_nll(params):
    p, q, v = np.exp(params)
    xs, ms = x[mask], m[mask]
    return -np.sum(gammaln(p * xs + q) - gammaln(p * xs) - gammaln(q) + q * np.log(v) + (p * xs - 1) * np.log(ms)
                   + p * xs * np.log(xs) - (p * xs + q) * np.log(xs * ms + v))


p, q, v = np.exp(minimize(gg_nll, np.zeros(3), method="Nelder-Mead", options={"maxiter": 4000}).x)
avg_value = (p * (v + x * m) / (p * x + q - 1))
clv = np.zeros_like(x)
for month in range(1, 13):
    weeks = month * 30.4375 / 7
    previous = (month - 1) * 30.4375 / 7

    def cum(t):
        zz = t / (alpha + T + t)
        e = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, zz))
        return e / (1 + (x > 0) * (a / (b + x - 1 + (x == 0))) * ((alpha + T) / (alpha + t_x)) ** (r + x))

    clv += (cum(weeks) - cum(previous)) * avg_value / 1.01 ** month
out = pd.DataFrame({"x": x, "t_x": t_x, "T": T, "p_alive": p_alive, "expected_purchases": expected,
                    "expected_avg_value": avg_value, "predicted_clv": clv}, index=per.index)
out.to_csv(target)
