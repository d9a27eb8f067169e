/** The search across records (/search). */
export const search = {
  vi: {
    "nav.search": "Tìm kiếm",
    "search.title": "Tìm kiếm",
    "search.lead":
      "Tìm trong tài liệu, thủ tục hành chính, phát hiện và hành động khắc phục của các đơn vị bạn được xem. Không phân biệt dấu và chữ hoa: “tu phap” tìm được “Tư pháp”.",
    "search.q": "Từ khóa",
    "search.prompt": "Nhập ít nhất một từ để tìm.",
    "search.kind.documents": "Tài liệu",
    "search.kind.procedures": "Thủ tục hành chính",
    "search.kind.findings": "Phát hiện",
    "search.kind.actions": "Hành động khắc phục",
    "search.count": "{count} kết quả",
    "search.none": "Không có kết quả.",
    "search.all": "Xem tất cả trong danh sách",
    "search.inactive": "ngừng áp dụng",
  },
  en: {
    "nav.search": "Search",
    "search.title": "Search",
    "search.lead":
      "Search the documents, administrative procedures, findings and corrective actions of the units you can see. Accents and case are ignored: “tu phap” finds “Tư pháp”.",
    "search.q": "Words",
    "search.prompt": "Type at least one word to search.",
    "search.kind.documents": "Documents",
    "search.kind.procedures": "Administrative procedures",
    "search.kind.findings": "Findings",
    "search.kind.actions": "Corrective actions",
    "search.count": "{count} results",
    "search.none": "Nothing found.",
    "search.all": "See them all in the list",
    "search.inactive": "no longer applied",
  },
} as const;
