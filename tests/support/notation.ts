/** ASCII notation a reader should never see: a_b subscripts, carets, raw log10/log2. */
export const ASCII_NOTATION = /[A-Za-z0-9)]_[A-Za-z0-9({]|\^|\blog(10|2)\b/;
