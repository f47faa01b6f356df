"""What an analyst would otherwise write: RFM scores and segments for a transaction CSV with pandas.

Usage: python3 rfm.py transactions.csv out.csv
Reads the Online Retail layout (InvoiceNo, InvoiceDate, Quantity, UnitPrice, CustomerID), groups lines per
customer, scores R, F and M in quintiles, names a segment and writes one row per customer. The bench
(bench/cli.bench.ts) times it beside `crm-analytics segment` on the same file.
"""
import sys

import pandas as pd

source, target = sys.argv[1], sys.argv[2]
frame = pd.read_csv(source, dtype={"InvoiceNo": str, "CustomerID": str}, parse_dates=["InvoiceDate"])
frame = frame.dropna(subset=["CustomerID"])
frame["amount"] = frame["Quantity"] * frame["UnitPrice"]
as_of = frame["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
customers = frame.groupby("CustomerID").agg(
    last=("InvoiceDate", "max"), first=("InvoiceDate", "min"), frequency=("InvoiceNo", "nunique"), monetary=("amount", "sum")
)
customers["recency_days"] = (as_of - customers["last"].dt.normalize()).dt.days
customers["r_score"] = pd.qcut(customers["recency_days"].rank(method="first", ascending=False), 5, labels=False) + 1
customers["f_score"] = pd.qcut(customers["frequency"].rank(method="first"), 5, labels=False) + 1
customers["m_score"] = pd.qcut(customers["monetary"].rank(method="first"), 5, labels=False) + 1
customers["rfm_code"] = customers["r_score"] * 100 + customers["f_score"] * 10 + customers["m_score"]


def segment(row):
    if row.r_score >= 4 and row.f_score >= 4:
        return "Champions"
    if row.r_score >= 3 and row.f_score >= 3:
        return "Loyal"
    if row.r_score >= 4:
        return "New customers"
    if row.r_score <= 2 and row.f_score >= 3:
        return "At risk"
    return "Hibernating"


customers["segment"] = customers.apply(segment, axis=1)
customers.to_csv(target)
