export const files = {
  vi: {
    "files.errors.empty": "Vui lòng chọn một tệp.",
    "files.errors.tooLarge": "Tệp quá lớn so với giới hạn cho phép.",
    "files.errors.type": "Loại tệp không được chấp nhận (kiểm tra theo nội dung tệp, không theo tên). Chỉ nhận: PDF, DOCX, XLSX hoặc ảnh tùy biểu mẫu.",
    "files.errors.missing": "Tệp không còn trên máy chủ. Vui lòng liên hệ quản trị.",
    "files.download": "Tải xuống",
  },
  en: {
    "files.errors.empty": "Please choose a file.",
    "files.errors.tooLarge": "The file is larger than allowed.",
    "files.errors.type":
      "This type of file is not accepted (checked from its content, not its name). Accepted: PDF, DOCX, XLSX or images, depending on the form.",
    "files.errors.missing": "The file is no longer on the server. Please contact the administrator.",
    "files.download": "Download",
  },
} as const;
