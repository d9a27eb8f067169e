-- Reference data: TCVN ISO 9001:2015 clauses (DOMAIN.md §4) and finding grades (practice, adaptable).
-- Clauses are reference data, not code: later changes come as new migrations.
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('4', NULL, 'Bối cảnh của tổ chức', 'Context of the organization', 1, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('4.1', '4', 'Hiểu tổ chức và bối cảnh của tổ chức', 'Understanding the organization and its context', 2, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('4.2', '4', 'Hiểu nhu cầu và mong đợi của các bên quan tâm', 'Understanding the needs and expectations of interested parties', 3, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('4.3', '4', 'Xác định phạm vi của hệ thống quản lý chất lượng', 'Determining the scope of the quality management system', 4, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('4.4', '4', 'Hệ thống quản lý chất lượng và các quá trình của hệ thống', 'Quality management system and its processes', 5, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('5', NULL, 'Sự lãnh đạo', 'Leadership', 6, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('5.1', '5', 'Sự lãnh đạo và cam kết', 'Leadership and commitment', 7, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('5.2', '5', 'Chính sách', 'Policy', 8, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('5.3', '5', 'Vai trò, trách nhiệm và quyền hạn trong tổ chức', 'Organizational roles, responsibilities and authorities', 9, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('6', NULL, 'Hoạch định', 'Planning', 10, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('6.1', '6', 'Hành động giải quyết rủi ro và cơ hội', 'Actions to address risks and opportunities', 11, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('6.2', '6', 'Mục tiêu chất lượng và hoạch định để đạt được mục tiêu', 'Quality objectives and planning to achieve them', 12, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('6.3', '6', 'Hoạch định thay đổi', 'Planning of changes', 13, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7', NULL, 'Hỗ trợ', 'Support', 14, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.1', '7', 'Nguồn lực', 'Resources', 15, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.2', '7', 'Năng lực', 'Competence', 16, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.3', '7', 'Nhận thức', 'Awareness', 17, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.4', '7', 'Trao đổi thông tin', 'Communication', 18, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.5', '7', 'Thông tin dạng văn bản', 'Documented information', 19, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.5.1', '7.5', 'Khái quát', 'General', 20, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.5.2', '7.5', 'Tạo lập và cập nhật', 'Creating and updating', 21, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('7.5.3', '7.5', 'Kiểm soát thông tin dạng văn bản', 'Control of documented information', 22, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8', NULL, 'Thực hiện', 'Operation', 23, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8.1', '8', 'Hoạch định và kiểm soát việc thực hiện', 'Operational planning and control', 24, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8.2', '8', 'Yêu cầu đối với sản phẩm và dịch vụ', 'Requirements for products and services', 25, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8.3', '8', 'Thiết kế và phát triển sản phẩm, dịch vụ', 'Design and development of products and services', 26, 1);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8.4', '8', 'Kiểm soát quá trình, sản phẩm và dịch vụ do bên ngoài cung cấp', 'Control of externally provided processes, products and services', 27, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8.5', '8', 'Sản xuất và cung cấp dịch vụ', 'Production and service provision', 28, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8.6', '8', 'Thông qua sản phẩm và dịch vụ', 'Release of products and services', 29, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('8.7', '8', 'Kiểm soát đầu ra không phù hợp', 'Control of nonconforming outputs', 30, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('9', NULL, 'Đánh giá kết quả thực hiện', 'Performance evaluation', 31, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('9.1', '9', 'Theo dõi, đo lường, phân tích và đánh giá', 'Monitoring, measurement, analysis and evaluation', 32, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('9.1.2', '9.1', 'Sự thỏa mãn của khách hàng', 'Customer satisfaction', 33, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('9.2', '9', 'Đánh giá nội bộ', 'Internal audit', 34, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('9.3', '9', 'Xem xét của lãnh đạo', 'Management review', 35, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('10', NULL, 'Cải tiến', 'Improvement', 36, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('10.1', '10', 'Khái quát', 'General', 37, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('10.2', '10', 'Sự không phù hợp và hành động khắc phục', 'Nonconformity and corrective action', 38, 0);--> statement-breakpoint
INSERT INTO iso_clauses (code, parent_code, title_vi, title_en, sort_order, usually_excluded) VALUES ('10.3', '10', 'Cải tiến liên tục', 'Continual improvement', 39, 0);--> statement-breakpoint
INSERT INTO finding_grades (code, name_vi, name_en, requires_action, sort_order) VALUES ('major', 'Không phù hợp nặng', 'Major nonconformity', 1, 1);--> statement-breakpoint
INSERT INTO finding_grades (code, name_vi, name_en, requires_action, sort_order) VALUES ('minor', 'Không phù hợp nhẹ', 'Minor nonconformity', 1, 2);--> statement-breakpoint
INSERT INTO finding_grades (code, name_vi, name_en, requires_action, sort_order) VALUES ('observation', 'Điểm lưu ý', 'Observation', 0, 3);--> statement-breakpoint
INSERT INTO finding_grades (code, name_vi, name_en, requires_action, sort_order) VALUES ('ofi', 'Cơ hội cải tiến', 'Opportunity for improvement', 0, 4);
