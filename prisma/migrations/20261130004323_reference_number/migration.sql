-- The case search by case number alone ("123" finds LADO-2026-00123 and
-- LADO-2025-00123): the number a reference ends in, without its leading
-- zeros. An expression index, which the schema cannot declare (Prisma leaves
-- it alone); app/cases/case-search.server.ts uses the same expression.
CREATE INDEX "Case_reference_number_idx" ON "Case"(ltrim(substring("reference" from '([0-9]+)$'), '0'));
