/** An order line as money: how many, at what unit price (tax included). */
export interface PricedLine {
  quantity: number;
  unitPrice: number;
}

/** How an order's total is split over the invoice so that it adds up to the order total. */
export interface TotalSplit {
  /** Amount taken off each line, in the order of the lines. */
  lineDiscounts: number[];
  /** The order's discount (order total below lines plus shipping), all of it. */
  discount: number;
  /** Shipping plus any other charge (handling, wrapping) the lines do not carry, less any
   *  discount larger than the lines themselves. */
  charges: number;
  /** What the order total holds beyond its lines and shipping (handling, wrapping). */
  otherCharges: number;
}

/**
 * Splits an order total into line discounts and one charge, in whole cents so that the parts
 * add up exactly. The discount is spread over the lines in proportion to their amounts; the cents
 * left by rounding go to the largest lines first. A discount larger than all the lines (free
 * goods and a shipping discount) takes the rest off the charge.
 */
export function splitTotal(input: {
  lines: readonly PricedLine[];
  shipping: number;
  total: number;
}): TotalSplit {
  const gross = input.lines.map((line) => cents(line.quantity * line.unitPrice));
  const linesGross = gross.reduce((sum, value) => sum + value, 0);
  const shipping = cents(input.shipping);
  const rest = cents(input.total) - linesGross - shipping;

  if (rest >= 0) {
    return {
      lineDiscounts: gross.map(() => 0),
      discount: 0,
      charges: units(shipping + rest),
      otherCharges: units(rest),
    };
  }

  const discount = -rest;
  const onLines = Math.min(discount, linesGross);
  const shares = gross.map((value) =>
    linesGross === 0 ? 0 : Math.floor((onLines * value) / linesGross),
  );
  let left = onLines - shares.reduce((sum, value) => sum + value, 0);
  const largestFirst = gross
    .map((value, index) => ({ value, index }))
    .sort((a, b) => b.value - a.value);
  while (left > 0) {
    for (const { index } of largestFirst) {
      if (left === 0) break;
      if ((shares[index] ?? 0) < (gross[index] ?? 0)) {
        shares[index] = (shares[index] ?? 0) + 1;
        left -= 1;
      }
    }
  }

  return {
    lineDiscounts: shares.map(units),
    discount: units(discount),
    charges: units(shipping - (discount - onLines)),
    otherCharges: 0,
  };
}

export function cents(amount: number): number {
  return Math.round(amount * 100);
}

function units(amountInCents: number): number {
  return amountInCents / 100;
}

/** Money as Imonggo's `discount_text` amount and as text in a remark: two decimals. */
export function money(amount: number): string {
  return amount.toFixed(2);
}
