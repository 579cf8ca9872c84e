// 128-bit integers for exact cross-multiplied comparisons (GCC/Clang extension).
#pragma once

namespace xenplan {

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

}  // namespace xenplan
