import { DEFAULT_TEMPLATES, formatMoney, PLACEHOLDERS, renderTemplate, SAMPLE_DATA, templateFor, templateProblems } from "../messages"

describe("message templates", () => {
  const shipped = {
    ...SAMPLE_DATA,
    customer_name: "Łukasz Żółć",
    order_number: "#1042",
    carrier: "DHL",
    tracking_number: "JD0146",
    tracking_url: "https://track.example/JD0146",
    items: [{ quantity: 2, title: "T-Shirt" }, { quantity: 1, title: "Mug" }],
  }

  it("renders the shipped message in English and in Polish with the parcel's items and tracking", () => {
    const en = renderTemplate(templateFor("order.shipped", "en-GB"), shipped)
    expect(en.subject).toBe("Order #1042 is on its way")
    expect(en.body).toContain("Hello Łukasz Żółć,")
    expect(en.body).toContain("Tracking number: JD0146\nTrack it: https://track.example/JD0146\n")
    expect(en.body).toContain("  2 × T-Shirt\n  1 × Mug\n")

    const pl = renderTemplate(templateFor("order.shipped", "pl"), shipped)
    expect(pl.subject).toBe("Zamówienie #1042 jest w drodze")
    expect(pl.body).toContain("Dzień dobry Łukasz Żółć,")
    expect(pl.body).toContain("Numer przesyłki: JD0146\nŚledź ją: https://track.example/JD0146\n")
    expect(pl.body).toContain("  2 × T-Shirt\n  1 × Mug\n")
  })

  it("drops a block whose value is missing and prints money the customer's way", () => {
    const en = renderTemplate(templateFor("order.shipped", "en"), { ...shipped, tracking_url: undefined })
    expect(en.body).not.toContain("Track it")
    const spaced = (s: string) => s.replace(/\s/g, " ") // Intl separates with no-break spaces
    expect(spaced(formatMoney(1234.5, "eur", "de"))).toBe("1.234,50 €")
    expect(spaced(formatMoney(1234.5, "pln", "pl"))).toBe("1234,50 zł")
    expect(formatMoney(1234.5, "usd", "en")).toBe("$1,234.50")
  })

  it("uses the store's edited text over the default, and English for a locale it has no text in", () => {
    const edited = { subject: "Ahoj {{customer_name}}", body: "Objednávka {{order_number}}" }
    expect(renderTemplate(templateFor("order.confirmed", "cs", edited), shipped)).toEqual({ subject: "Ahoj Łukasz Żółć", body: "Objednávka #1042" })
    expect(templateFor("order.confirmed", "cs")).toEqual(DEFAULT_TEMPLATES.en["order.confirmed"])
  })

  it("finds unknown placeholders and unclosed blocks before a template is saved", () => {
    for (const locale of Object.keys(DEFAULT_TEMPLATES)) {
      for (const template of Object.values(DEFAULT_TEMPLATES[locale])) expect(templateProblems(template, PLACEHOLDERS)).toEqual([])
    }
    expect(templateProblems({ subject: "Hi {{nmae}}", body: "{{#if tracking_url}}x" }, PLACEHOLDERS)).toEqual([
      `subject: {{nmae}} is not a placeholder of this message; use ${PLACEHOLDERS.join(", ")}`,
      "body: 1 block(s) opened with {{#if}}/{{#each}} but 0 closed",
    ])
  })
})

describe("message templates: Handlebars underneath", () => {
  it("keeps the message's own names in reach inside a repeated block, escapes nothing, and refuses broken syntax", () => {
    const text = { subject: "{{order_number}}", body: "{{#each items}}{{quantity}} × {{title}} ({{order_number}})\n{{/each}}" }
    const out = renderTemplate(text, { ...SAMPLE_DATA, order_number: "#7 <b>", items: [{ quantity: 1, title: "Mug & Co" }] })
    expect(out).toEqual({ subject: "#7 <b>", body: "1 × Mug & Co (#7 <b>)\n" })
    expect(templateProblems({ subject: "{{order_number", body: "" }, PLACEHOLDERS)).toEqual([
      expect.stringMatching(/^subject: Parse error on line 1/),
    ])
    // Sent as written rather than failing the event.
    expect(renderTemplate({ subject: "{{order_number", body: "x" }, SAMPLE_DATA)).toEqual({ subject: "{{order_number", body: "x" })
  })
})
