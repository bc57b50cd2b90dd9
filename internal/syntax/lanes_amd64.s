#include "textflag.h"

// func sumRowsAVX2(sum *[laneWords]uint64, dense *uint64, rows *uint32, n int)
//
// sum[k] += dense[rows[i]*denseRow+k] for k < 36 and i < n, with the 36
// sums held in nine YMM registers for the whole loop.
TEXT ·sumRowsAVX2(SB), NOSPLIT, $0-32
	MOVQ sum+0(FP), DX
	MOVQ dense+8(FP), SI
	MOVQ rows+16(FP), DI
	MOVQ n+24(FP), CX
	VMOVDQU 0(DX), Y0
	VMOVDQU 32(DX), Y1
	VMOVDQU 64(DX), Y2
	VMOVDQU 96(DX), Y3
	VMOVDQU 128(DX), Y4
	VMOVDQU 160(DX), Y5
	VMOVDQU 192(DX), Y6
	VMOVDQU 224(DX), Y7
	VMOVDQU 256(DX), Y8
	TESTQ CX, CX
	JZ   done

loop:
	MOVL (DI), AX         // row number, zero-extended
	LEAQ (AX)(AX*4), AX   // × 5
	SHLQ $6, AX           // × 64: bytes between rows (denseRow × 8 = 320)
	ADDQ SI, AX
	VPADDQ 0(AX), Y0, Y0
	VPADDQ 32(AX), Y1, Y1
	VPADDQ 64(AX), Y2, Y2
	VPADDQ 96(AX), Y3, Y3
	VPADDQ 128(AX), Y4, Y4
	VPADDQ 160(AX), Y5, Y5
	VPADDQ 192(AX), Y6, Y6
	VPADDQ 224(AX), Y7, Y7
	VPADDQ 256(AX), Y8, Y8
	ADDQ $4, DI
	DECQ CX
	JNZ  loop

done:
	VMOVDQU Y0, 0(DX)
	VMOVDQU Y1, 32(DX)
	VMOVDQU Y2, 64(DX)
	VMOVDQU Y3, 96(DX)
	VMOVDQU Y4, 128(DX)
	VMOVDQU Y5, 160(DX)
	VMOVDQU Y6, 192(DX)
	VMOVDQU Y7, 224(DX)
	VMOVDQU Y8, 256(DX)
	VZEROUPPER
	RET
